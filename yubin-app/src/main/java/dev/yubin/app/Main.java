package dev.yubin.app;

import dev.yubin.app.cli.AliasCommand;
import dev.yubin.app.cli.ConfigCommand;
import dev.yubin.app.cli.DkimCommand;
import dev.yubin.app.cli.DnsCommand;
import dev.yubin.app.cli.DomainCommand;
import dev.yubin.app.cli.MailboxCommand;
import dev.yubin.app.cli.QueueCommand;
import dev.yubin.app.cli.ServeCommand;
import dev.yubin.app.cli.UserCommand;
import dev.yubin.app.config.ConfigException;
import dev.yubin.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code yubin} command line: the server and its administration commands. */
@Command(name = "yubin", mixinStandardHelpOptions = true, version = "yubin 0.1.0",
        description = "Yubin mail server.",
        subcommands = {ServeCommand.class, ConfigCommand.class, DomainCommand.class, UserCommand.class,
                AliasCommand.class, MailboxCommand.class, QueueCommand.class, DkimCommand.class, DnsCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // Administration commands print their results on stdout: only warnings go to the log.
        if (args.length == 0 || !args[0].equals("serve")) {
            System.setProperty("yubin.log.level", "WARN");
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("yubin: " + ex.getMessage() + " (try: " + c.getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof StoreException
                    || ex instanceof IllegalArgumentException || ex instanceof CliException) {
                c.getErr().println("yubin: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
