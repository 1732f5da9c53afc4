package io.tierflow.ui.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormService;
import io.tierflow.report.query.ReportEngine;
import io.tierflow.report.query.ReportQuery;
import io.tierflow.report.query.ReportResult;
import io.tierflow.ui.web.Pages;

/**
 * The dashboard of one form ({@code ?form=key}; by default {@value #DEFAULT_FORM}, else the first form):
 * its records per tier as KPIs and a pie, and per value of a single-select field ({@code ?by=key}) as bars.
 * Every number comes from report-engine, which counts only the rows the viewer may open; the pickers offer
 * only the forms the viewer's role may view and the fields it may see, so no choice ends in a refusal.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    static final String DEFAULT_FORM = "customer";

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    ReportEngine reports;

    @Inject
    @Location("dashboard/dashboard.html")
    Template template;

    @GET
    public Uni<Response> show(@RestQuery String form, @RestQuery String by) {
        Caller caller = pages.caller();
        return forms.list().map(list -> viewable(list, caller)).chain(all -> {
            if (all.isEmpty()) {
                return Uni.createFrom().item(html(200, pages.page(template).data("view", null)));
            }
            FormDefinition chosen = choose(all, form);
            if (chosen == null) {
                return Uni.createFrom().item(html(404, pages.error(404, "ui.dashboard.form-not-found")));
            }
            FieldDefinition dimension = BarChart.pick(chosen, caller, by);
            return count(caller, chosen, ReportEngine.TIER)
                    .chain(tiers -> (dimension == null ? Uni.createFrom().<ReportResult> nullItem() : count(caller, chosen, dimension.key()))
                            .map(bars -> view(caller, all, chosen, tiers, dimension, bars)))
                    .map(view -> html(200, pages.page(template).data("view", view)));
        });
    }

    private static List<FormDefinition> viewable(List<FormDefinition> all, Caller caller) {
        return all.stream().filter(f -> f.permissions().access(caller.role()).may("view")).toList();
    }

    private Uni<ReportResult> count(Caller caller, FormDefinition form, String groupBy) {
        return reports.run(caller, new ReportQuery(form.key(), groupBy, "count", null, null));
    }

    /** The requested form (null when there is none by that key), else the default. */
    static FormDefinition choose(List<FormDefinition> all, String requested) {
        Map<String, FormDefinition> byKey = all.stream().collect(Collectors.toMap(FormDefinition::key, Function.identity()));
        if (requested != null && !requested.isBlank()) {
            return byKey.get(requested.strip());
        }
        return byKey.getOrDefault(DEFAULT_FORM, all.get(0));
    }

    private DashboardView view(Caller caller, List<FormDefinition> all, FormDefinition form, ReportResult tierResult,
            FieldDefinition dimension, ReportResult barResult) {
        String unit = pages.text("ui.dashboard.unit");
        List<TierCount> tiers = TierCount.of(form, tierResult, pages.text("ui.dashboard.untiered"));
        long total = tiers.stream().mapToLong(TierCount::count).sum();
        List<Choice> formChoices = all.stream()
                .map(f -> new Choice(f.key(), formLabel(all, f), f.key().equals(form.key()))).toList();
        List<Choice> dimensions = BarChart.dimensions(form, caller).stream()
                .map(f -> new Choice(f.key(), f.label(), dimension != null && f.id() == dimension.id())).toList();
        return new DashboardView(form.key(), form.name(), "/forms/" + TierCount.encode(form.key()), formChoices, dimensions,
                total, tiers, ScriptJson.of(TierPie.data(tiers, total, pages.text("ui.dashboard.total"), unit)),
                dimension == null ? null : pages.text("ui.dashboard.bar", dimension.label()),
                dimension == null ? null : ScriptJson.of(BarChart.data(dimension, barResult, pages.text("ui.dashboard.blank"), unit)));
    }

    /** The form's name, with its key when another form has the same name, so the picker can tell them apart. */
    private static String formLabel(List<FormDefinition> all, FormDefinition f) {
        boolean twin = all.stream().anyMatch(o -> o.id() != f.id() && o.name().equals(f.name()));
        return twin ? f.name() + " · " + f.key() : f.name();
    }

    private static Response html(int status, TemplateInstance body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
