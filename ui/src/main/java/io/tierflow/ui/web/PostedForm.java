package io.tierflow.ui.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Every text parameter of the current request's form body, by name, in the order posted, each with all its
 * values (a multi-select posts its name once per ticked box; file parts are left out). For forms whose field
 * names depend on the data, so they cannot be declared as {@code @RestForm} parameters.
 */
public final class PostedForm {

    private PostedForm() {
    }

    /** Call it on the request's thread, from a resource method marked {@code @WithFormRead}, before any asynchronous step. */
    public static Map<String, List<String>> all() {
        Map<String, List<String>> posted = new LinkedHashMap<>();
        FormData form = CurrentRequestManager.get().getFormData();
        if (form != null) {
            for (String name : form) {
                List<String> values = new ArrayList<>();
                for (FormValue v : form.get(name)) {
                    if (!v.isFileItem()) {
                        values.add(v.getValue());
                    }
                }
                posted.put(name, values);
            }
        }
        return posted;
    }
}
