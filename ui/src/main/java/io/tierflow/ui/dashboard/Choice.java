package io.tierflow.ui.dashboard;

import io.quarkus.qute.TemplateData;

/** One {@code <option>} of the dashboard's pickers. */
@TemplateData
public record Choice(String value, String label, boolean selected) {
}
