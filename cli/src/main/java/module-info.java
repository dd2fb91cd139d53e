/**
 * The {@code tasklens} command. picocli reads the commands' annotated fields by reflection and
 * JSON-B (with whichever provider is present) writes the CLI's records, so the package is open.
 */
module dev.tasklens.cli {
    requires dev.tasklens.client;
    requires dev.tasklens.emulators;
    requires dev.tasklens.signing;
    requires info.picocli;
    requires jakarta.json.bind;

    opens dev.tasklens.cli;
}
