package io.tierflow.form.attachment;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/forms/{form}/fields/{field}/attachments} (multipart, part {@code file}): 201 with
 * {@code {"id","name","size","contentType"}}, to put into the field's value when the record is saved. (Its own
 * class: JAX-RS picks the class with the longest matching path first, and {@code /api/forms/{form}/fields} is
 * FieldResource's.)
 */
@Path("/api/forms/{form}/fields/{field}/attachments")
@Authenticated
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> upload(@PathParam("form") String form, @PathParam("field") String field,
            @RestForm("file") FileUpload file) {
        Caller caller = Caller.of(identity);
        if (file == null || file.uploadedFile() == null) {
            throw Problem.invalid(List.of(new FieldProblem("file", "form.attachment.file-required")));
        }
        return attachments.upload(caller, form, field, file.uploadedFile(), file.fileName())
                .map(a -> Response.created(URI.create("/api/attachments/" + a.id())).entity(a.value()).build());
    }
}
