package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One compiled formula evaluated from many threads at once, including its very first evaluations. */
class ConcurrentEvaluationTest {
    @Test
    void compiledFormulaIsThreadSafeFromFirstUse() throws Exception {
        FormulaCompiler compiler = TestScopes.compiler();
        List<CompiledFormula> formulas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            formulas.add(compiler.compile("amount * 0.4 + visits * " + i + " > 100 ? CONCAT(name, \"-\", ROUND(amount / 3, 2)) : UPPER(name)",
                    TestScopes.SCOPE));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int seed = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 2000; i++) {
                        BigDecimal amount = BigDecimal.valueOf((i + seed) % 7 == 0 ? 0 : 300 + i);
                        Object r = formulas.get(i % formulas.size()).evaluate(Map.of(
                                TestScopes.AMOUNT.fieldId(), amount, TestScopes.VISITS.fieldId(), 1,
                                TestScopes.NAME.fieldId(), "n" + seed));
                        String s = (String) r;
                        boolean high = amount.multiply(new BigDecimal("0.4")).add(BigDecimal.valueOf(i % 5))
                                .compareTo(BigDecimal.valueOf(100)) > 0;
                        String want = high ? "n" + seed + "-" + amount.divide(BigDecimal.valueOf(3), FormulaValues.MC)
                                .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                                : "N" + seed;
                        if (want.equals(s)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(2000, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
