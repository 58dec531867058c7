package dev.sleet.bench.report;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures contenders of one workload class side by side in one JVM, alternating them round by round, and
 * reports each one's ratio to the first as the median of the per-round ratios.
 *
 * <p>JMH measures each contender in forks of its own, one after another. On a small, shared VM the machine's
 * pace drifts between them, which shows as errors of 10–30 %: a gap of 5 % between two contenders is then not
 * resolved. Here both contenders see the same drift: each round runs every contender for the same time, in
 * alternating order, and the ratio is taken within the round. The median of those ratios and its quartiles
 * resolve differences of a few percent. It complements the JMH figures in {@code docs/benchmarks.md}; it does
 * not replace them (one JVM, no forks, no JMH blackhole).
 *
 * <p>Beside the rates it reports each contender's client CPU per call, the calling thread's CPU time: what
 * building, rendering, binding and the driver's encoding cost, apart from the wait for the server.
 *
 * <p>The workload's JMH lifecycle is honoured: {@code @Setup}/{@code @TearDown} of level trial once, of level
 * iteration around each contender's turn in a round, of level invocation around each call (not timed).
 *
 * <pre>{@code
 * java -cp sleet-bench/target/benchmarks.jar dev.sleet.bench.report.InterleavedProbe \
 *     dev.sleet.bench.northwind.W1CustomerByIdBenchmark rawJdbc sleet [--rounds 30] [--round-ms 1000] [--warmup 10]
 * }</pre>
 * With {@code SLEET_BENCH_DATABASE_URL} set, as for JMH; pin it with {@code taskset} the same way.
 */
public final class InterleavedProbe {

    private static volatile int sink;

    private InterleavedProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args the workload class, the reference method, the other methods, then options
     * @throws Exception when the workload fails
     */
    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        int rounds = 30;
        int roundMillis = 1_000;
        int warmup = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = count(args, ++i, "--rounds", 1);
                case "--round-ms" -> roundMillis = count(args, ++i, "--round-ms", 1);
                case "--warmup" -> warmup = count(args, ++i, "--warmup", 0);
                default -> names.add(args[i]);
            }
        }
        if (names.size() < 3) {
            System.err.println("usage: InterleavedProbe WORKLOAD_CLASS REFERENCE_METHOD METHOD... "
                    + "[--rounds N] [--round-ms MS] [--warmup N]");
            System.exit(2);
        }
        Class<?> type;
        try {
            type = Class.forName(names.get(0));
        } catch (ClassNotFoundException e) {
            System.err.println("InterleavedProbe: no workload class " + names.get(0)
                    + " (give its full name, e.g. dev.sleet.bench.northwind.W1CustomerByIdBenchmark)");
            System.exit(2);
            return;
        }
        Object workload = type.getConstructor().newInstance();
        List<Method> contenders = new ArrayList<>();
        for (String name : names.subList(1, names.size())) {
            try {
                Method m = type.getMethod(name);
                m.setAccessible(true);
                contenders.add(m);
            } catch (NoSuchMethodException e) {
                System.err.println("InterleavedProbe: " + type.getSimpleName() + " has no public contender " + name
                        + "() without parameters");
                System.exit(2);
                return;
            }
        }
        Lifecycle lifecycle;
        try {
            lifecycle = new Lifecycle(type);
        } catch (IllegalArgumentException e) {
            System.err.println("InterleavedProbe: " + e.getMessage());
            System.exit(2);
            return;
        }
        lifecycle.run(workload, Setup.class, Level.Trial);
        try {
            double[][] rates = new double[contenders.size()][rounds];
            double[][] cpu = new double[contenders.size()][rounds];
            for (int r = -warmup; r < rounds; r++) {
                // alternate the order so that neither contender always runs first in a round
                for (int k = 0; k < contenders.size(); k++) {
                    int c = r % 2 == 0 ? k : contenders.size() - 1 - k;
                    double[] turn = turn(workload, contenders.get(c), lifecycle, roundMillis);
                    if (r >= 0) {
                        rates[c][r] = turn[0];
                        cpu[c][r] = turn[1];
                    }
                }
                // a round takes seconds and a probe minutes: say where it is
                System.err.printf(Locale.ROOT, "%s round %d of %d%n", r < 0 ? "warm-up" : "measured",
                        r < 0 ? r + warmup + 1 : r + 1, r < 0 ? warmup : rounds);
            }
            report(type, contenders, rates, cpu, rounds, roundMillis, warmup);
        } finally {
            lifecycle.run(workload, TearDown.class, Level.Trial);
        }
    }

    /** The option value at {@code args[i]}: a whole number of at least {@code min}, or one line and exit 2. */
    private static int count(String[] args, int i, String option, int min) {
        try {
            int value = Integer.parseInt(i < args.length ? args[i] : "");
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("InterleavedProbe: " + option + " takes a whole number of at least " + min
                + (i < args.length ? ", not '" + args[i] + "'" : ", and none was given"));
        System.exit(2);
        return 0;
    }

    /**
     * One contender's turn in a round: calls for {@code millis}, timing only the calls. Returns calls per second,
     * and the CPU time the calling thread spent per call in microseconds (the client's share: building,
     * rendering, binding and the driver's encoding, without the time spent waiting for the server).
     */
    private static double[] turn(Object workload, Method contender, Lifecycle lifecycle, int millis)
            throws Exception {
        lifecycle.run(workload, Setup.class, Level.Iteration);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long timed = 0;
        long calls = 0;
        long budget = millis * 1_000_000L;
        boolean perCall = lifecycle.hasInvocationLevel();
        try {
            while (timed < budget) {
                if (perCall) {
                    lifecycle.run(workload, Setup.class, Level.Invocation);
                }
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                Object result = call(workload, contender);
                timed += System.nanoTime() - start;
                cpu += threads.getCurrentThreadCpuTime() - startCpu;
                sink += System.identityHashCode(result);
                calls++;
                if (perCall) {
                    lifecycle.run(workload, TearDown.class, Level.Invocation);
                }
            }
        } finally {
            lifecycle.run(workload, TearDown.class, Level.Iteration);
        }
        return new double[] {calls * 1e9 / timed, cpu / 1e3 / calls};
    }

    private static Object call(Object workload, Method m) throws Exception {
        try {
            return m.invoke(workload);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void report(Class<?> type, List<Method> contenders, double[][] rates, double[][] cpu,
                               int rounds, int roundMillis, int warmup) {
        System.out.printf(Locale.ROOT, "%s: %d rounds of %d ms per contender after %d warm-up rounds, "
                + "order alternating%n", type.getSimpleName(), rounds, roundMillis, warmup);
        System.out.printf(Locale.ROOT, "%-28s %14s %12s %22s %18s%n", "contender", "median ops/s", "ratio",
                "ratio quartiles", "client CPU µs/op");
        for (int c = 0; c < contenders.size(); c++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = rates[c][r] / rates[0][r];
            }
            System.out.printf(Locale.ROOT, "%-28s %14.1f %12.3f %10.3f – %-10.3f %17.1f%n",
                    contenders.get(c).getName(), quantile(rates[c], 0.5), quantile(ratios, 0.5),
                    quantile(ratios, 0.25), quantile(ratios, 0.75), quantile(cpu[c], 0.5));
        }
        if (contenders.size() > 2) {
            matrix(contenders, rates, rounds);
        }
    }

    /** With more than two contenders: each one's median ratio to each other, read along a row. */
    private static void matrix(List<Method> contenders, double[][] rates, int rounds) {
        System.out.println("median ratio of the row's contender to the column's, round by round:");
        System.out.printf(Locale.ROOT, "%-28s", "");
        for (Method m : contenders) {
            System.out.printf(Locale.ROOT, " %12.12s", m.getName());
        }
        System.out.println();
        for (int a = 0; a < contenders.size(); a++) {
            System.out.printf(Locale.ROOT, "%-28s", contenders.get(a).getName());
            for (int b = 0; b < contenders.size(); b++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = rates[a][r] / rates[b][r];
                }
                System.out.printf(Locale.ROOT, " %12.3f", quantile(ratios, 0.5));
            }
            System.out.println();
        }
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = (int) Math.ceil(at);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    /** The workload's {@code @Setup} and {@code @TearDown} methods by level, superclass ones first for setup. */
    private static final class Lifecycle {
        private final List<Method> methods = new ArrayList<>();

        Lifecycle(Class<?> type) {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                chain.add(c);
            }
            Collections.reverse(chain);
            for (Class<?> c : chain) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Setup.class) || m.isAnnotationPresent(TearDown.class)) {
                        if (m.getParameterCount() > 0) {
                            throw new IllegalArgumentException(type.getSimpleName() + ": the probe runs no JMH "
                                    + "lifecycle method with parameters, and " + c.getSimpleName() + "." + m.getName()
                                    + " takes some; measure this workload with JMH alone");
                        }
                        m.setAccessible(true);
                        methods.add(m);
                    }
                }
            }
        }

        boolean hasInvocationLevel() {
            return methods.stream().anyMatch(m -> level(m) == Level.Invocation);
        }

        private static Level level(Method m) {
            Setup setup = m.getAnnotation(Setup.class);
            return setup != null ? setup.value() : m.getAnnotation(TearDown.class).value();
        }

        void run(Object workload, Class<? extends java.lang.annotation.Annotation> kind, Level level)
                throws Exception {
            List<Method> selected = new ArrayList<>();
            for (Method m : methods) {
                if (m.isAnnotationPresent(kind) && level(m) == level) {
                    selected.add(m);
                }
            }
            if (kind == TearDown.class) {
                Collections.reverse(selected);   // subclass tear-downs first, as JMH does
            }
            for (Method m : selected) {
                call(workload, m);
            }
        }
    }
}
