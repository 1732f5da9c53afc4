package io.tierflow.form.attachment;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/attachments/{id}}: the file, always as a download ({@code Content-Disposition: attachment},
 * {@code nosniff}, a sandbox policy), never rendered in the page; 404 for anyone who may not see its record.
 */
@Path("/api/attachments")
@Authenticated
public class AttachmentDownloadResource {

    @Inject
    AttachmentService attachments;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{id}")
    public Uni<Response> download(@PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        return attachments.download(caller, id).map(d -> {
            StoredAttachment a = d.file();
            // a page or script is sent as plain bytes: even a browser that ignored the disposition would not run it
            String type = ContentCheck.active(a.contentType()) ? MediaType.APPLICATION_OCTET_STREAM : a.contentType();
            return Response.ok(d.data()).type(type)
                    .header("Content-Disposition", disposition(a.name()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox; default-src 'none'")
                    .header("Cache-Control", "private, no-store")
                    .header("Content-Length", d.data().length)
                    .build();
        });
    }

    /** {@code attachment} with an ASCII fallback name and the real one in RFC 5987 form ("合同.pdf"). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
