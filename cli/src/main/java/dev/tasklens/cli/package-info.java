/** The {@code tasklens} command line: {@code list}, {@code sign}, {@code sandbox}, {@code sources}. */
package dev.tasklens.cli;
