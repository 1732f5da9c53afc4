package io.tierflow.core.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.core.journal.EffectConsumer;
import io.tierflow.core.journal.EffectJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers {@code webhook.call} effects: POSTs {@code body} as JSON to {@code url}, signed with HMAC-SHA256 of
 * the body under {@code secret} ({@code X-Tierflow-Signature: sha256=<hex>}) and named by the effect id
 * ({@code X-Tierflow-Delivery}) so receivers can drop repeats. A non-2xx answer or a timeout fails the effect,
 * which the journal retries with backoff; the effect is marked done only after a 2xx.
 */
@ApplicationScoped
public class WebhookConsumer implements EffectConsumer {

    public static final String KIND = "webhook.call";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EffectJournal journal;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean process(long effectId) throws Exception {
        return journal.applyOnce(effectId, (c, e) -> {
            byte[] body = json.writeValueAsBytes(e.payload().get("body"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(e.text("url")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Tierflow-Delivery", Long.toString(e.id()))
                    .header("X-Tierflow-Signature", "sha256=" + sign(e.text("secret"), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        });
    }

    public static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = (secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8);
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
