package io.ternmq.server.config;

/** Where a configuration value came from; every error message and the effective-settings report start with it. */
public sealed interface Origin {

    /** Human-readable place, e.g. {@code ternmq.yaml line 4} or {@code environment variable TERNMQ_LISTENER_PORT}. */
    String describe();

    /** The embedded defaults resource. */
    record Default(String resource, int line) implements Origin {
        @Override
        public String describe() {
            return resource + " line " + line;
        }
    }

    /** A line of the user's configuration file, named as the user gave it. */
    record FileLine(String file, int line) implements Origin {
        @Override
        public String describe() {
            return file + " line " + line;
        }
    }

    record EnvironmentVariable(String name) implements Origin {
        @Override
        public String describe() {
            return "environment variable " + name;
        }
    }

    record CommandLineOption(String option) implements Origin {
        @Override
        public String describe() {
            return "option " + option;
        }
    }
}
