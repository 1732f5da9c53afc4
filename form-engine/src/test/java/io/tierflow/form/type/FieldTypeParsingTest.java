package io.tierflow.form.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tierflow.form.model.FieldDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each field type reads what people type, and what it refuses (pure: no database needed). */
class FieldTypeParsingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static FieldDefinition field(String type, String config) {
        try {
            return new FieldDefinition(1, "f", "F", type, false, JSON.readTree(config), 0);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Object parse(FieldType type, String config, String input) throws FieldValueException {
        return type.parse(field(type.id(), config), TextNode.valueOf(input));
    }

    static String refusal(FieldType type, String config, String input) {
        return assertThrows(FieldValueException.class, () -> parse(type, config, input)).code();
    }

    @Test
    void numbersAcceptChineseSpreadsheetFormats() throws Exception {
        NumberFieldType number = new NumberFieldType();
        assertEquals(new BigDecimal("1200.50"), parse(number, "{}", "¥1,200.50"));
        assertEquals(new BigDecimal("1200"), parse(number, "{}", "１２００"));
        assertEquals(new BigDecimal("-3"), parse(number, "{}", " -3 "));
        assertNull(parse(number, "{}", "  "));
        assertEquals("form.value.not-a-number", refusal(number, "{}", "12元多"));
        assertEquals("form.value.below-min", refusal(number, "{\"min\":0}", "-1"));
        assertEquals("form.value.above-max", refusal(number, "{\"max\":10}", "10.01"));
        assertEquals("form.value.number-too-large", refusal(number, "{}", "1e999999"));
        assertEquals("form.value.number-too-large",
                assertThrows(FieldValueException.class, () -> number.parse(field("number", "{}"), JSON.readTree("1e999"))).code());
    }

    @Test
    void moneyRefusesMoreDecimalsThanItsPrecisionInsteadOfRounding() throws Exception {
        MoneyFieldType money = new MoneyFieldType();
        assertEquals(new BigDecimal("1200.5"), parse(money, "{}", "￥1，200.5"));
        assertEquals("form.value.too-many-decimals", refusal(money, "{}", "1.005"));
        assertEquals(new BigDecimal("1.005"), parse(money, "{\"precision\":3}", "1.005"));
        assertEquals("¥1,200.50", money.display(field("money", "{}"), new BigDecimal("1200.5")));
    }

    @Test
    void percentAndRating() throws Exception {
        assertEquals(new BigDecimal("12.5"), parse(new PercentFieldType(), "{}", "12.5%"));
        RatingFieldType rating = new RatingFieldType();
        assertEquals(new BigDecimal("4"), parse(rating, "{}", "4"));
        assertEquals("form.value.rating", refusal(rating, "{}", "6"));
        assertEquals("form.value.rating", refusal(rating, "{}", "2.5"));
        assertEquals(new BigDecimal("9"), parse(rating, "{\"max\":10}", "9"));
    }

    @Test
    void datesInTheFormsPeopleWriteThem() throws Exception {
        DateFieldType date = new DateFieldType();
        for (String s : List.of("2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", "2026 年 3 月 1 日")) {
            assertEquals(LocalDate.of(2026, 3, 1), parse(date, "{}", s), s);
        }
        assertEquals("form.value.not-a-date", refusal(date, "{}", "2026-02-30"));
        assertEquals("form.value.not-a-date", refusal(date, "{}", "明天"));
    }

    @Test
    void dateTimesWithoutAnOffsetAreReadInTheFieldsZone() throws Exception {
        DateTimeFieldType dt = new DateTimeFieldType();
        assertEquals(OffsetDateTime.parse("2026-03-01T14:30+08:00"), parse(dt, "{}", "2026-03-01 14:30"));
        assertEquals(OffsetDateTime.parse("2026-03-01T14:30+01:00"), parse(dt, "{\"timeZone\":\"Europe/Paris\"}", "2026-03-01T14:30"));
        assertEquals(OffsetDateTime.parse("2026-03-01T06:30Z").toInstant(),
                ((OffsetDateTime) parse(dt, "{}", "2026-03-01T06:30:00Z")).toInstant());
        assertEquals("form.value.not-a-datetime", refusal(dt, "{}", "yesterday"));
        assertEquals(1, dt.checkConfig(field("datetime", "{\"timeZone\":\"Mars/Base\"}"), "f").size());
    }

    @Test
    void checkboxesReadYesAndNoInBothLanguages() throws Exception {
        CheckboxFieldType box = new CheckboxFieldType();
        assertEquals(true, parse(box, "{}", "是"));
        assertEquals(false, parse(box, "{}", "否"));
        assertEquals(true, parse(box, "{}", "TRUE"));
        assertEquals(false, parse(box, "{}", "0"));
        assertEquals("form.value.not-a-boolean", refusal(box, "{}", "maybe"));
    }

    @Test
    void emailPhoneAndUrlFormats() throws Exception {
        assertEquals("a.b@example.cn", parse(new EmailFieldType(), "{}", " a.b@example.cn "));
        assertEquals("form.value.not-email", refusal(new EmailFieldType(), "{}", "a@b"));
        assertEquals("form.value.not-email", refusal(new EmailFieldType(), "{}", "a b@c.com"));
        assertEquals("+86 138-0013-8000", parse(new PhoneFieldType(), "{}", "+86 138-0013-8000"));
        assertEquals("form.value.not-phone", refusal(new PhoneFieldType(), "{}", "call me"));
        assertEquals("form.value.not-phone", refusal(new PhoneFieldType(), "{}", "1-2"));
        assertEquals("https://tierflow.io/x?a=1", parse(new UrlFieldType(), "{}", "https://tierflow.io/x?a=1"));
        assertEquals("form.value.not-url", refusal(new UrlFieldType(), "{}", "javascript:alert(1)"));
        assertEquals("form.value.too-long", refusal(new TextFieldType(), "{\"maxLength\":3}", "四个汉字"));
    }

    @Test
    void selectsStoreOptionKeysAndAcceptLabels() throws Exception {
        String options = "{\"options\":[{\"key\":\"a\",\"label\":\"甲\"},{\"key\":\"b\",\"label\":\"乙\"},{\"key\":\"c\",\"label\":\"丙\"}]}";
        assertEquals("b", parse(new SingleSelectFieldType(), options, "乙"));
        assertEquals("form.value.not-an-option", refusal(new SingleSelectFieldType(), options, "丁"));
        MultiSelectFieldType multi = new MultiSelectFieldType();
        assertEquals(List.of("a", "c"), parse(multi, options, "丙，a, 丙"));
        JsonNode array = JSON.readTree("[\"c\",\"乙\"]");
        assertEquals(List.of("b", "c"), multi.parse(field("multi_select", options), array));
        assertEquals("b,c", multi.formulaValue(field("multi_select", options), List.of("b", "c")));
        assertEquals("乙、丙", multi.display(field("multi_select", options), List.of("b", "c")));
        assertEquals(1, multi.checkConfig(field("multi_select", "{\"options\":[{\"key\":\"x,y\"}]}"), "f").size());
    }
}
