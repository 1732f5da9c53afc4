package io.tierflow.ui.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.qute.TemplateInstance;

/**
 * Lets resources return {@code TemplateInstance} (or {@code Uni<TemplateInstance>}) as HTML, which
 * quarkus-rest-qute would do if it resolved here. Pages are personal, so they are never cached:
 * after logout the back button must not show them.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class TemplateInstanceWriter implements MessageBodyWriter<TemplateInstance> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TemplateInstance.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(TemplateInstance instance, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        headers.putIfAbsent("Cache-Control", List.of("no-store"));
        out.write(instance.render().getBytes(StandardCharsets.UTF_8));
    }
}
