package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.form.type.ConfigOption;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Locale;

/** Every field type with its settings, described by the type itself, in the caller's language. */
@Path("/api/field-types")
@Authenticated
public class FieldTypeResource {

    public record OptionView(String name, String kind, Object defaultValue, boolean required, String label) {
    }

    public record TypeView(String id, String label, String widget, boolean computed, List<OptionView> options) {
    }

    @Inject
    FieldTypes types;

    @Inject
    RequestLocale locale;

    @GET
    public List<TypeView> list() {
        Locale l = locale.get();
        return types.all().stream().map(t -> view(t, l)).toList();
    }

    static TypeView view(FieldType t, Locale l) {
        List<OptionView> options = t.configOptions().stream()
                .map((ConfigOption o) -> new OptionView(o.name(), o.kind(), o.defaultValue(), o.required(),
                        Messages.text(l, o.labelCode())))
                .toList();
        return new TypeView(t.id(), Messages.text(l, "form.type." + t.id()), t.widget(), t.computed(), options);
    }
}
