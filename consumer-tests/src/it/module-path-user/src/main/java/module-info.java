// A named module using tasklens: the adapters join through their service declarations.
module example.modular {
    requires dev.tasklens.client;
    exports example.modular;
}
