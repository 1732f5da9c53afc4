package io.tierflow.form.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import java.util.List;
import java.util.Locale;

/**
 * How to import: {@code mode} all_or_nothing (default: one bad row and nothing is written) or skip_bad_rows;
 * {@code dryRun} checks every row and writes nothing; {@code upsertBy} names the field that matches rows to
 * existing records; {@code mapping} overrides which column fills which field.
 */
public record ImportOptions(Mode mode, boolean dryRun, String upsertBy, JsonNode mapping) {

    public enum Mode {
        ALL_OR_NOTHING, SKIP_BAD_ROWS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The options as the import API takes them (its form fields); bad values as problems at those fields. */
    public static ImportOptions parse(String mode, String dryRun, String upsertBy, String mapping, ObjectMapper json) {
        Mode m = Mode.ALL_OR_NOTHING;
        if (mode != null && !mode.isBlank()) {
            try {
                m = Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(List.of(new FieldProblem("mode", "form.import.mode", mode)));
            }
        }
        boolean dry = false;
        if (dryRun != null && !dryRun.isBlank()) {
            String d = dryRun.strip().toLowerCase(Locale.ROOT);
            if (!List.of("true", "false", "1", "0").contains(d)) {
                throw Problem.invalid(List.of(new FieldProblem("dryRun", "form.import.dry-run")));
            }
            dry = d.equals("true") || d.equals("1");
        }
        JsonNode map = null;
        if (mapping != null && !mapping.isBlank()) {
            try {
                map = json.readTree(mapping);
            } catch (JsonProcessingException e) {
                throw Problem.invalid(List.of(new FieldProblem("mapping", "form.import.mapping-json")));
            }
        }
        return new ImportOptions(m, dry, upsertBy == null || upsertBy.isBlank() ? null : upsertBy.strip(), map);
    }
}
