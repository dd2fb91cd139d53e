// Compiled on the module path: it may use what dev.tasklens.signing exports, nothing more.
module example.signer {
    requires dev.tasklens.signing;
    exports example.signer;
}
