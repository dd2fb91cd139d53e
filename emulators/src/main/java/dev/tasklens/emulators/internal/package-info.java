/** What the emulators share and do not offer: the JSON-P provider they write replies with. */
package dev.tasklens.emulators.internal;
