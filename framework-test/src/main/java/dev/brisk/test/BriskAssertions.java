package dev.brisk.test;

/**
 * Entry point of the response assertions; import it statically next to AssertJ's:
 * {@code import static dev.brisk.test.BriskAssertions.assertThat;}.
 */
public final class BriskAssertions {
    private BriskAssertions() {
    }

    /** Starts assertions on a response: {@code assertThat(response).hasStatus(200).hasJsonBody("{...}")}. */
    public static ResponseAssert assertThat(TestResponse response) {
        return new ResponseAssert(response);
    }
}
