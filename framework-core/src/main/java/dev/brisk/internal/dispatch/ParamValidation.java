package dev.brisk.internal.dispatch;

import dev.brisk.StartupException;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Precheck;
import dev.brisk.internal.binding.Validation;

import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import jakarta.validation.Valid;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bean Validation of one method's arguments, planned at startup; absent when nothing is constrained. */
final class ParamValidation {
    private final Method method;
    private final Object target;
    private final boolean methodLevel;
    private final List<ParamDef> params;
    private final List<ParamDef> bodies; // body args validated as beans (not cascaded by @Valid)
    private final Precheck paramPrecheck; // the handler's parameter constraints, likewise
    private final Precheck[] prechecks; // per body: proves common cases valid without the validator, or null
    private final List<Object>[] bodyLocs;
    private final Validation.Target[] targets;

    @SuppressWarnings("unchecked")
    private ParamValidation(Method method, Object target, boolean methodLevel, List<ParamDef> params, List<ParamDef> bodies) {
        this.method = method;
        this.target = target;
        this.methodLevel = methodLevel;
        this.params = params;
        this.bodies = bodies;
        this.paramPrecheck = methodLevel ? Precheck.forParameters(method, target == null ? method.getDeclaringClass() : target.getClass()) : null;
        this.prechecks = new Precheck[bodies.size()];
        this.bodyLocs = new List[bodies.size()];
        for (int i = 0; i < bodies.size(); i++) {
            var p = bodies.get(i);
            prechecks[i] = Precheck.of(beanType(p));
            bodyLocs[i] = p.embed() ? List.of("body", p.wireName()) : List.of("body");
        }
        this.targets = new Validation.Target[method.getParameterCount()];
        for (var p : params) {
            if (!p.kind().isWire()) continue;
            List<Object> loc = p.kind() == ParamKind.BODY && !p.embed() ? List.of("body") : List.of(p.kind().locRoot(), p.wireName());
            targets[p.index()] = new Validation.Target(loc, p.type(), null);
        }
    }

    /** A plan, or null if no parameter of {@code method} carries a constraint. */
    static ParamValidation plan(Method method, Object target, List<ParamDef> params) {
        if (method == null) return null;
        boolean methodLevel = false;
        var bodies = new ArrayList<ParamDef>();
        for (var p : params) {
            if (!p.kind().isWire()) continue;
            boolean direct = Validation.constrained(p.element());
            if (p.kind() == ParamKind.BODY && !p.element().isAnnotationPresent(Valid.class)) {
                if (Validation.typeConstrained(beanType(p))) bodies.add(p);   // a list or map body: its elements
                // constraints directly on the body parameter still need method validation
                for (var a : p.element().getAnnotations()) {
                    if (Validation.isConstraint(a)) methodLevel = true;
                }
            } else if (direct) {
                methodLevel = true;
            }
        }
        if (!methodLevel && bodies.isEmpty()) return null;
        if (methodLevel && java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
            throw new dev.brisk.StartupException(method.getDeclaringClass().getName() + "." + method.getName()
                    + "(): Bean Validation does not check parameters of static methods; make the method an instance method");
        }
        return new ParamValidation(method, target, methodLevel, params, bodies);
    }

    /** The classes whose Bean Validation metadata this plan needs (to build it ahead of the first request). */
    java.util.Set<Class<?>> types() {
        var out = new java.util.LinkedHashSet<Class<?>>();
        if (methodLevel) out.add(method.getDeclaringClass());
        for (var p : bodies) out.add(beanType(p));
        return out;
    }

    /** The class validated as a bean for a body parameter: the element type of a collection, map or Optional. */
    private static Class<?> beanType(ParamDef p) {
        Class<?> raw = BodyReader.Types.raw(p.type());
        boolean container = java.util.Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class;
        return container ? BodyReader.Types.raw(Validation.elementType(p.type())) : raw;
    }

    boolean wantsRawInputs() {
        return methodLevel;
    }

    void validate(Call ex, Object[] args) {
        var errors = ex.errors();
        if (methodLevel && (paramPrecheck == null || !paramPrecheck.provesValid(args))) {
            var violations = Validation.executable().validateParameters(target, method, args);
            if (!violations.isEmpty()) {
                Object[] raw = ex.rawInputs;
                Validation.report(violations, errors, i -> {
                    var t = targets[i];
                    if (t == null) return null;
                    return raw != null && raw[i] != null ? new Validation.Target(t.loc(), t.type(), raw[i]) : t;
                }, ex.jsonTree());
            }
        }
        for (int b = 0; b < bodies.size(); b++) {
            var p = bodies.get(b);
            var pre = prechecks[b];
            Object v = args[p.index()];
            if (v instanceof Optional<?> o) v = o.orElse(null);
            if (v == null) continue;
            List<Object> loc = bodyLocs[b];
            var type = p.type();
            if (v instanceof Collection<?> c) {
                int i = 0;
                for (Object item : c) {
                    if (item != null && !(pre != null && pre.provesValid(item))) {
                        var l = new ArrayList<>(loc);
                        l.add(i);
                        Validation.reportBean(Validation.validator().validate(item), errors, l, item.getClass(), ex.jsonTree());
                    }
                    i++;
                }
            } else if (v instanceof Map<?, ?> m) {
                for (var e : m.entrySet()) {
                    if (e.getValue() == null || pre != null && pre.provesValid(e.getValue())) continue;
                    var l = new ArrayList<>(loc);
                    l.add(String.valueOf(e.getKey()));
                    Validation.reportBean(Validation.validator().validate(e.getValue()), errors, l, e.getValue().getClass(), ex.jsonTree());
                }
            } else if (pre == null || !pre.provesValid(v)) {
                Validation.reportBean(Validation.validator().validate(v), errors, loc, type instanceof Class<?> ? type : v.getClass(), ex.jsonTree());
            }
        }
    }
}
