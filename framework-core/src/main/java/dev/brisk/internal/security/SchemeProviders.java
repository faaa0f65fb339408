package dev.brisk.internal.security;

import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.ProviderDef.Absent;
import dev.brisk.internal.security.Answers.Outcome;
import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.Credentials;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.SecurityScheme;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/**
 * A registered scheme as a provider of the route model: its header, query parameter or cookie is a
 * parameter (marked as a credential), its code reads the credentials from it. Without credentials it
 * yields an {@link Absent} (an {@code Optional} parameter gets empty, any other one the scheme's 401);
 * malformed credentials fail at once.
 */
public final class SchemeProviders {
    private static final Parameter RAW;

    static {
        try {
            RAW = SchemeProviders.class.getDeclaredMethod("raw", List.class).getParameters()[0];
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SchemeProviders() {
    }

    @SuppressWarnings("unused")   // its parameter is the element of the schemes' parameters: a List<String> without annotations
    private static void raw(List<String> value) {
    }

    /** The credential type a scheme gives. */
    public static Class<?> credentialType(SecurityScheme s) {
        if (s instanceof AnyOf) return Credentials.class;
        if (s instanceof HttpBasic) return BasicCredentials.class;
        if (s instanceof ApiKeyHeader || s instanceof ApiKeyQuery || s instanceof ApiKeyCookie) return ApiKey.class;
        return BearerToken.class;
    }

    /** Where a (non-AnyOf) scheme reads its credentials: kind and wire name. */
    static ParamDef input(SecurityScheme s, int index) {
        ParamKind kind;
        String wire;
        if (s instanceof ApiKeyHeader k) {
            kind = ParamKind.HEADER;
            wire = k.keyName().toLowerCase(Locale.ROOT);
        } else if (s instanceof ApiKeyQuery k) {
            kind = ParamKind.QUERY;
            wire = k.keyName();
        } else if (s instanceof ApiKeyCookie k) {
            kind = ParamKind.COOKIE;
            wire = k.keyName();
        } else {
            kind = ParamKind.HEADER;
            wire = "authorization";
        }
        return new ParamDef(index, kind, wire, wire, RAW.getParameterizedType(), String.class, ParamDef.Container.LIST,
                false, null, false, RAW, null, true, true);
    }

    /** The provider of a scheme's credentials. */
    public static ProviderDef provider(SecurityScheme s) {
        if (s instanceof AnyOf a) return anyOf(a);
        var absent = new EnumMap<Outcome, Absent>(Outcome.class);
        for (var o : Outcome.values()) absent.put(o, new Absent(() -> Answers.notAuthenticated(s, o)));
        return ProviderDef.builtIn(credentialType(s), s.name(), List.of(input(s, 0)), (route, args) -> {
            @SuppressWarnings("unchecked")
            Object r = Readers.read(s, (List<String>) args[0]);
            if (r instanceof Outcome o) {
                if (o == Outcome.MALFORMED) throw Answers.notAuthenticated(s, o);
                return absent.get(o);
            }
            return r;
        }, s, "security scheme \"" + s.name() + "\"");
    }

    private static ProviderDef anyOf(AnyOf a) {
        var members = a.schemes();
        var params = new ArrayList<ParamDef>();
        var where = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            ParamDef in = input(members.get(i), params.size());
            int found = -1;
            for (var p : params) if (p.kind() == in.kind() && p.wireName().equals(in.wireName())) found = p.index();
            if (found < 0) {
                params.add(in);
                found = in.index();
            }
            where[i] = found;
        }
        var allAbsent = new Absent(() -> Answers.noneOf(members, members.stream().map(m -> Outcome.ABSENT).toList()));
        return ProviderDef.builtIn(Credentials.class, a.name(), List.copyOf(params), (route, args) -> {
            Object found = null;
            boolean malformed = false;
            var results = new Object[where.length];
            for (int i = 0; i < where.length; i++) {
                @SuppressWarnings("unchecked")
                Object r = Readers.read(members.get(i), (List<String>) args[where[i]]);
                results[i] = r;
                if (r == Outcome.MALFORMED) malformed = true;
                else if (found == null && !(r instanceof Outcome)) found = r;
            }
            if (malformed) {
                // Present but broken credentials fail the request, whichever scheme they were for.
                var outcomes = new ArrayList<Outcome>(where.length);
                for (Object r : results) outcomes.add(r instanceof Outcome o ? o : Outcome.ABSENT);
                throw Answers.noneOf(members, outcomes);
            }
            return found != null ? found : allAbsent;
        }, a, "AnyOf" + members.stream().map(SecurityScheme::name).toList());
    }

    /** Every concrete scheme of {@code s} (itself, or an AnyOf's members). */
    public static List<SecurityScheme> members(SecurityScheme s) {
        return s instanceof AnyOf a ? a.schemes() : List.of(s);
    }
}
