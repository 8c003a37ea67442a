package dev.squeeze.cli;

import picocli.CommandLine;

/** {@code java -jar squeeze.jar ...}: runs {@link SqueezeCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(SqueezeCommand.commandLine(CommandLine.defaultFactory()).execute(args));
  }
}
