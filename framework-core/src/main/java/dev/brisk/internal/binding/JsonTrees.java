package dev.brisk.internal.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;

/** Parses request bodies into trees. */
public final class JsonTrees {
    private JsonTrees() {
    }

    /**
     * The tree of a JSON document (null or a missing node when it is empty). A number too large for a
     * {@code double} ({@code 1e400}) stays an exact decimal instead of becoming infinity, so that no
     * infinity ever reaches a value and an error can show the number as it was sent.
     */
    public static JsonNode read(ObjectReader treeReader, byte[] json) throws IOException {
        try (JsonParser p = new FiniteFloats(treeReader.createParser(json))) {
            return treeReader.readTree(p);
        }
    }

    /** Reports floats that overflow a double as BigDecimal, which Jackson's tree builder then asks for. */
    private static final class FiniteFloats extends JsonParserDelegate {
        FiniteFloats(JsonParser d) {
            super(d);
        }

        @Override
        public NumberTypeFP getNumberTypeFP() throws IOException {
            NumberTypeFP t = delegate.getNumberTypeFP();
            if (t != NumberTypeFP.BIG_DECIMAL && delegate.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
                    && Double.isInfinite(delegate.getDoubleValue())) {
                return NumberTypeFP.BIG_DECIMAL;
            }
            return t;
        }

        @Override
        public NumberType getNumberType() throws IOException {
            NumberType t = delegate.getNumberType();
            if (t == NumberType.DOUBLE && delegate.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
                    && Double.isInfinite(delegate.getDoubleValue())) {
                return NumberType.BIG_DECIMAL;
            }
            return t;
        }
    }
}
