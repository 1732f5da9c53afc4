package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;

/** A phone number as people write it (+86 138-0013-8000, (0571) 8888 8888): 5 to 20 digits. */
@ApplicationScoped
public class PhoneFieldType extends TextLikeFieldType {

    @Override
    public String id() {
        return "phone";
    }

    @Override
    protected int defaultMaxLength() {
        return 32;
    }

    @Override
    protected void check(String text) throws FieldValueException {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+-() ".indexOf(c) < 0 || (c == '+' && i > 0)) {
                throw new FieldValueException("form.value.not-phone");
            }
        }
        if (digits < 5 || digits > 20) {
            throw new FieldValueException("form.value.not-phone");
        }
    }

    @Override
    public String widget() {
        return "tel";
    }
}
