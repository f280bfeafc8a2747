/** The {@code ./varsel} command line: one picocli command class per subcommand. */
package org.varsel.cli;
