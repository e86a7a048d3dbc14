package dev.yubin.smtp.server.command;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands an MX session understands, by verb. */
public final class Commands {
    private Commands() {
    }

    public static Map<String, SmtpCommand<?>> mx() {
        List<SmtpCommand<?>> all = List.of(new EhloCommand(), new HeloCommand(), new MailCommand(),
                new RcptCommand(), new DataCommand(), new BdatCommand(), new RsetCommand(), new NoopCommand(),
                new QuitCommand(), new VrfyCommand(), new HelpCommand(), new ExpnCommand(),
                new StartTlsCommand(), new AuthCommand());
        return Map.copyOf(all.stream().collect(Collectors.toMap(SmtpCommand::verb, Function.identity())));
    }
}
