package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/** An e-mail address: one @, a dotted domain, no spaces. Checked by a linear-time pattern. */
@ApplicationScoped
public class EmailFieldType extends TextLikeFieldType {

    // possessive quantifiers over disjoint classes: no backtracking, linear in the input
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]++@[^@\\s.]++(\\.[^@\\s.]++)++");

    @Override
    public String id() {
        return "email";
    }

    @Override
    protected int defaultMaxLength() {
        return 254;
    }

    @Override
    protected void check(String text) throws FieldValueException {
        if (!EMAIL.matcher(text).matches()) {
            throw new FieldValueException("form.value.not-email");
        }
    }

    @Override
    public String widget() {
        return "email";
    }
}
