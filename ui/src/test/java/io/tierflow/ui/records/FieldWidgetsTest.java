package io.tierflow.ui.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.type.DateTimeFieldType;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.MoneyFieldType;
import io.tierflow.form.type.MultiSelectFieldType;
import io.tierflow.form.type.NumberFieldType;
import io.tierflow.form.type.PercentFieldType;
import io.tierflow.form.type.RatingFieldType;

class FieldWidgetsTest {

    static FieldDefinition field(FieldType type, String config) throws Exception {
        ObjectNode c = (ObjectNode) new ObjectMapper().readTree(config);
        return new FieldDefinition(1, "f", "F", type.id(), false, c, 0);
    }

    @Test
    void storedValuesBecomeWhatEachInputTakes() throws Exception {
        DateTimeFieldType moment = new DateTimeFieldType();
        OffsetDateTime utc = OffsetDateTime.parse("2026-03-01T06:30:00Z");
        assertEquals("2026-03-01T14:30", FieldWidgets.inputText(moment, field(moment, "{}"), utc)); // Asia/Shanghai by default
        assertEquals("2026-03-01T07:30", FieldWidgets.inputText(moment, field(moment, "{\"timeZone\":\"Europe/Berlin\"}"), utc));
        // a zone the builder mistyped must not break the page: the server's zone then
        assertEquals(utc.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().toString(),
                FieldWidgets.inputText(moment, field(moment, "{\"timeZone\":\"Mars/Base\"}"), utc));
        NumberFieldType number = new NumberFieldType();
        assertEquals("100", FieldWidgets.inputText(number, field(number, "{}"), new BigDecimal("1E+2")));
        assertEquals("2026-03-01", FieldWidgets.inputText(number, field(number, "{}"), LocalDate.of(2026, 3, 1)));
        MultiSelectFieldType multi = new MultiSelectFieldType();
        assertEquals("web,expo", FieldWidgets.inputText(multi, field(multi, "{}"), List.of("web", "expo")));
        assertEquals(List.of("web", "expo"), FieldWidgets.keys(" web, expo"));
        assertEquals(List.of(), FieldWidgets.keys(""));
    }

    @Test
    void moneyAndPercentCarryTheirUnitFromTheTypesOwnDisplay() throws Exception {
        MoneyFieldType money = new MoneyFieldType();
        assertEquals(new FieldWidgets.Adornment("¥", null), FieldWidgets.adornment(money, field(money, "{}"), "money"));
        assertEquals(new FieldWidgets.Adornment("$", null),
                FieldWidgets.adornment(money, field(money, "{\"currency\":\"USD\"}"), "money"));
        assertEquals(new FieldWidgets.Adornment("€", null),
                FieldWidgets.adornment(money, field(money, "{\"currency\":\"EUR\"}"), "money"));
        PercentFieldType percent = new PercentFieldType();
        assertEquals(new FieldWidgets.Adornment(null, "%"), FieldWidgets.adornment(percent, field(percent, "{}"), "percent"));
        assertEquals(FieldWidgets.Adornment.NONE, FieldWidgets.adornment(money, field(money, "{}"), "computed"));
    }

    @Test
    void aRatingOffersNoneToMaxStars() throws Exception {
        RatingFieldType rating = new RatingFieldType();
        List<FieldInput.Choice> five = FieldWidgets.choices(rating, field(rating, "{}"), "rating", "2");
        assertEquals(6, five.size());
        assertEquals(new FieldInput.Choice("2", "★★☆☆☆ 2", true), five.get(2));
        List<FieldInput.Choice> three = FieldWidgets.choices(rating, field(rating, "{\"max\":3}"), "rating", null);
        assertEquals(new FieldInput.Choice("3", "★★★ 3", false), three.get(3));
    }
}
