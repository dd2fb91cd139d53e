/** The provider SPI: what every task source implements. */
package dev.tasklens.ports.source;
