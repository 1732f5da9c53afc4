package io.tierflow.form.transfer;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** A form with every importable field type, and requests for import and export. */
final class TransferFixtures {

    static final String FORM = """
            {"key":"%s","name":"导入客户","fields":[
              {"key":"name","label":"客户名称","type":"text","required":true},
              {"key":"notes","label":"备注","type":"textarea"},
              {"key":"revenue","label":"年营收","type":"number","config":{"min":0}},
              {"key":"price","label":"合同金额","type":"money","config":{"currency":"CNY","precision":2}},
              {"key":"share","label":"份额","type":"percent"},
              {"key":"stars","label":"星级","type":"rating"},
              {"key":"signed","label":"签约日","type":"date"},
              {"key":"met","label":"拜访时间","type":"datetime"},
              {"key":"vip","label":"VIP","type":"checkbox"},
              {"key":"mail","label":"邮箱","type":"email","config":{"unique":true}},
              {"key":"tel","label":"电话","type":"phone"},
              {"key":"site","label":"网址","type":"url"},
              {"key":"industry","label":"行业","type":"single_select","config":{"options":[
                {"key":"it","label":"信息技术"},{"key":"retail","label":"零售"}]}},
              {"key":"tags","label":"标签","type":"multi_select","config":{"options":[
                {"key":"new","label":"新客"},{"key":"key","label":"重点"}]}},
              {"key":"secret","label":"内部备注","type":"text"},
              {"key":"score","label":"评分","type":"formula","config":{"formula":"IFNULL(revenue, 0) * 0.4"}}],
             "tierModel":{"rules":[{"tier":"A","condition":"score >= 80"},{"tier":"B","condition":"score >= 40"},
                                   {"tier":"C","condition":"true"}]}}""";

    private TransferFixtures() {
    }

    static RequestSpecification as(String user) {
        return TestUsers.as(user);
    }

    static void createForm(String key) {
        as("east_mgr").contentType(ContentType.JSON).body(FORM.formatted(key)).post("/api/forms").then().statusCode(201);
    }

    /** Replaces the SALES role's access to {@code form}; other roles keep their defaults. */
    static void salesAccess(String form, String access) {
        as("root_admin").contentType(ContentType.JSON).body("{\"SALES\":" + access + "}")
                .put("/api/forms/" + form + "/permissions").then().statusCode(200);
    }

    static int create(String user, String form, String values) {
        return as(user).contentType(ContentType.JSON).body("{\"values\":" + values + "}")
                .post("/api/forms/" + form + "/records").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse importFile(String user, String form, String fileName, byte[] content, Map<String, String> params) {
        RequestSpecification request = as(user).multiPart("file", fileName, content,
                fileName.endsWith(".xlsx") ? ExportService.XLSX_TYPE : "text/csv");
        params.forEach((name, value) -> request.multiPart(new MultiPartSpecBuilder(value).controlName(name)
                .mimeType("text/plain").charset("UTF-8").build()));
        return request.post("/api/forms/" + form + "/import").then();
    }

    static byte[] export(String user, String form, String query) {
        return as(user).get("/api/forms/" + form + "/export?" + query).then().statusCode(200).extract().asByteArray();
    }

    /** Every record of the form the user may see, as the API returns them. */
    static List<Map<String, Object>> records(String user, String form) {
        return as(user).get("/api/forms/" + form + "/records?limit=200").then().statusCode(200).extract().path("items");
    }

    /** The first sheet's rows, each as its cells' text ("" for empty), with the cells themselves for type checks. */
    static List<Row> xlsxRows(byte[] xlsx) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return new ArrayList<>(wb.getFirstSheet().read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
