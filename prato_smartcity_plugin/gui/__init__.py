"""The GUI: dock, dialogs, options page, map tools. It only wires the core and the adapters together."""
