package dev.tasklens.domain.archfixture;

/** Breaks NOTHING_OUTSIDE_THE_CLI_WRITES_TO_STANDARD_STREAMS. */
public class DomainPrinting {
    public void report(String text) {
        System.out.println(text);
    }
}
