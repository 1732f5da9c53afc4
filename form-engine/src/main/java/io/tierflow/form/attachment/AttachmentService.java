package io.tierflow.form.attachment;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RowScope;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.AttachmentFieldType;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Uploads and downloads. An upload is for one form and attachment field the caller may write: the file must fit
 * the field's size limit and extensions, and its bytes must be what its name says ({@link ContentCheck}). A
 * download is for whoever may see the record the file belongs to, under the same role and row-scope rules as
 * the record itself (a loose upload: only its uploader); anyone else is told it does not exist.
 */
@ApplicationScoped
public class AttachmentService {

    /** Bytes Tika reads to recognise a file: every magic number it knows lies well within them. */
    static final int HEAD = 64 * 1024;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    @Inject
    AttachmentRows rows;

    /** A file to store, read and checked off the event loop. */
    record Upload(String name, String contentType, byte[] data, String sha256) {
    }

    public Uni<StoredAttachment> upload(Caller caller, String formRef, String fieldKey, Path file, String originalName) {
        return sessions.withSession(session -> forms.load(session, formRef)).chain(form -> {
            FieldDefinition field = writableField(caller, form, fieldKey);
            return Uni.createFrom().item(() -> read(field, file, originalName))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(u -> rows.insert(form.id(), field.id(), u.name(), u.contentType(), u.data(), u.sha256(), caller.id()));
        });
    }

    /** The attachment field {@code key} if the caller may fill it on new or existing records. */
    private FieldDefinition writableField(Caller caller, FormDefinition form, String key) {
        RoleAccess access = FormAccess.require(caller, form, "view");
        FieldDefinition field = form.field(key).filter(f -> !access.hidden(f.key()))
                .filter(f -> types.get(f.type()) instanceof AttachmentFieldType)
                .orElseThrow(() -> Problem.notFound("form.attachment.no-field", key));
        if (!access.may("create") && !access.may("edit")) {
            throw Problem.forbidden("form.action.denied", "edit");
        }
        if (!access.editable(field.key())) {
            throw Problem.forbidden("form.value.readonly", field.label());
        }
        return field;
    }

    private static Upload read(FieldDefinition field, Path file, String originalName) {
        try {
            long size = Files.size(file);
            long max = AttachmentFieldType.maxBytes(field);
            if (size > max) {
                throw new Problem(413, "form.attachment.too-large", megabytes(max)).field("file", "form.attachment.too-large",
                        megabytes(max));
            }
            if (size == 0) {
                throw Problem.invalid(List.of(new FieldProblem("file", "form.attachment.empty")));
            }
            String name = FileNames.sanitize(originalName);
            String extension = FileNames.extension(name);
            Set<String> accepted = AttachmentFieldType.accepted(field);
            if (!accepted.contains(extension)) {
                throw Problem.invalid(List.of(new FieldProblem("file", "form.attachment.type-not-accepted",
                        extension.isEmpty() ? name : "." + extension, String.join(", ", accepted))));
            }
            byte[] data = Files.readAllBytes(file);
            byte[] head = data.length <= HEAD ? data : java.util.Arrays.copyOf(data, HEAD);
            ContentCheck.Result check = ContentCheck.check(head, name);
            if (!check.matches()) {
                throw Problem.invalid(List.of(new FieldProblem("file", "form.attachment.content-mismatch", "." + extension,
                        check.detected())));
            }
            return new Upload(name, check.contentType(), data, sha256(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1024.0 / 1024.0;
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file and its bytes, to send. */
    public record Download(StoredAttachment file, byte[] data) {
    }

    public Uni<Download> download(Caller caller, String id) {
        return rows.find(id).chain(a -> {
            if (a == null) {
                throw Problem.notFound("form.attachment.not-found-id", id);
            }
            Uni<Boolean> visible = a.recordId() == null ? Uni.createFrom().item(a.uploadedBy() == caller.id())
                    : sessions.withSession(session -> recordVisible(session, caller, a));
            return visible.chain(ok -> {
                if (!ok) {
                    throw Problem.notFound("form.attachment.not-found-id", id);
                }
                return rows.data(a.id()).map(data -> new Download(a, data));
            });
        });
    }

    /** Whether the caller may see the field on the record the file belongs to: role, hidden fields and row scope. */
    private Uni<Boolean> recordVisible(Mutiny.Session session, Caller caller, StoredAttachment a) {
        return forms.load(session, a.formId()).onFailure(Problem.class).recoverWithNull().chain(form -> {
            if (form == null) {
                return Uni.createFrom().item(false);
            }
            RoleAccess access = form.permissions().access(caller.role());
            FieldDefinition field = form.field(a.fieldId()).orElse(null);
            if (!access.may("view") || field == null || access.hidden(field.key())) {
                return Uni.createFrom().item(false);
            }
            RowScope scope = RowScope.of(caller, form, "r", 2);
            List<Object> params = new ArrayList<>(List.of(a.recordId()));
            params.addAll(scope.params());
            return NativeSql.number(session, "SELECT count(*) FROM " + form.table() + " r WHERE r.id = ?1 AND r.deleted_at IS NULL"
                    + " AND " + scope.sql(), params.toArray()).map(n -> n != null && n > 0);
        });
    }

    /** Uploads no save took within a day are removed (a page left open, a script that gave up). */
    public Uni<Integer> removeUnattached() {
        return rows.removeUnattached("1 day");
    }
}
