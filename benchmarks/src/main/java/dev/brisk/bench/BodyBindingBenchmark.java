package dev.brisk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.bench.BenchRoutes.NewItem;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Errors;
import dev.brisk.internal.binding.FlatRecordReader;
import dev.brisk.internal.binding.Loc;
import dev.brisk.internal.binding.Precheck;
import dev.brisk.internal.binding.Validation;
import dev.brisk.internal.json.Json;
import jakarta.validation.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JSON body to {@code NewItem(@NotBlank String name, @Positive double price)} the way the body
 * binder does it: Jackson tree ({@code readTree}), then {@link BodyReader}'s compiled plan (every
 * problem collected with its loc), then Bean Validation of the record mapped to FastAPI errors with
 * {@link Validation#reportBean} (as {@code ParamValidation} does for a constrained body).
 * {@code jacksonReadValue} is plain Jackson data binding, the floor without error collection.
 * {@code streamBind} and {@code streamBindPrecheck} are what a valid body of plain fields now takes:
 * {@link FlatRecordReader} straight from the bytes, then {@link Precheck} instead of the validator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class BodyBindingBenchmark {
    private static final List<Object> BODY = List.of("body");

    private ObjectMapper mapper;
    private BodyReader.Plan plan;
    private Validator cachedValidator;
    private byte[] valid;
    private byte[] invalidConstraints;
    private byte[] invalidTypes;
    private NewItem item;
    private FlatRecordReader flat;
    private Precheck precheck;

    @Setup
    public void setup() throws IOException {
        mapper = Json.create(1 << 20);
        plan = new BodyReader(mapper).plan(NewItem.class);
        cachedValidator = Validation.validator();
        valid = "{\"name\":\"Widget\",\"price\":9.99}".getBytes(StandardCharsets.UTF_8);
        invalidConstraints = "{\"name\":\" \",\"price\":-1}".getBytes(StandardCharsets.UTF_8);
        invalidTypes = "{\"price\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
        item = new NewItem("Widget", 9.99);
        flat = FlatRecordReader.of(plan, mapper.getFactory());
        precheck = Precheck.of(NewItem.class);
        if (!item.equals(streamBind()) || !precheck.provesValid(item)) throw new IllegalStateException("fast path not taken");
        expect(parseBindValidate(), 0);
        expect(invalidConstraints(), 2); // not_blank, greater_than
        expect(invalidTypes(), 2);       // missing name, float_parsing price
    }

    private static void expect(Errors errors, int n) {
        if (errors.list().size() != n) throw new IllegalStateException("expected " + n + " errors, got " + errors.list());
    }

    private Errors bindAndValidate(byte[] body) throws IOException {
        var errors = new Errors();
        JsonNode tree = mapper.readTree(body);
        Object v = plan.read(tree, Loc.root("body"), errors);
        if (v != null) Validation.reportBean(Validation.validator().validate(v), errors, BODY, NewItem.class, tree);
        return errors;
    }

    /** Jackson straight to the record (no error collection, no validation): the floor. */
    @Benchmark
    public NewItem jacksonReadValue() throws IOException {
        return mapper.readValue(valid, NewItem.class);
    }

    /** {@code readTree} only. */
    @Benchmark
    public JsonNode parse() throws IOException {
        return mapper.readTree(valid);
    }

    /** readTree + BodyReader plan (what the binder does for a body without constraints). */
    @Benchmark
    public Object parseBind() throws IOException {
        var errors = new Errors();
        return plan.read(mapper.readTree(valid), Loc.root("body"), errors);
    }

    /** The streaming reader for records of plain fields (valid body). */
    @Benchmark
    public Object streamBind() {
        return flat.read(valid);
    }

    /** Streaming reader + precheck, valid body: the post-valid route's binding and validation now. */
    @Benchmark
    public boolean streamBindPrecheck() {
        return precheck.provesValid(flat.read(valid));
    }

    /** readTree + plan + Bean Validation, valid body (the post-valid route's binding before the streaming reader). */
    @Benchmark
    public Errors parseBindValidate() throws IOException {
        return bindAndValidate(valid);
    }

    /** Both fields break a constraint: two violations mapped to FastAPI errors. */
    @Benchmark
    public Errors invalidConstraints() throws IOException {
        return bindAndValidate(invalidConstraints);
    }

    /** Missing name and a non-number price: two binding errors (validation's duplicates dropped). */
    @Benchmark
    public Errors invalidTypes() throws IOException {
        return bindAndValidate(invalidTypes);
    }

    /** Bean Validation of a built record via {@code Validation.validator()} (as the runtime calls it). */
    @Benchmark
    public Object validateOnly() {
        return Validation.validator().validate(item);
    }

    /** The same with a Validator kept from startup: the cost of {@code getValidator()} per call. */
    @Benchmark
    public Object validateOnlyCachedValidator() {
        return cachedValidator.validate(item);
    }
}
