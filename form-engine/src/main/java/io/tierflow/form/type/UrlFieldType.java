package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;

/** A web address; only http and https, so a stored link can never run script when clicked. */
@ApplicationScoped
public class UrlFieldType extends TextLikeFieldType {

    @Override
    public String id() {
        return "url";
    }

    @Override
    protected int defaultMaxLength() {
        return 2_000;
    }

    @Override
    protected void check(String text) throws FieldValueException {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new FieldValueException("form.value.not-url");
            }
        } catch (URISyntaxException e) {
            throw new FieldValueException("form.value.not-url");
        }
    }

    @Override
    public String widget() {
        return "url";
    }
}
