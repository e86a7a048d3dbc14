package dev.yubin.imap.session;

import dev.yubin.imap.command.AppendCommand;
import dev.yubin.imap.command.AuthenticateCommand;
import dev.yubin.imap.command.CapabilityCommand;
import dev.yubin.imap.command.CheckCommand;
import dev.yubin.imap.command.CloseCommand;
import dev.yubin.imap.command.Command;
import dev.yubin.imap.command.CompressCommand;
import dev.yubin.imap.command.CopyCommand;
import dev.yubin.imap.command.CreateCommand;
import dev.yubin.imap.command.DeleteCommand;
import dev.yubin.imap.command.EnableCommand;
import dev.yubin.imap.command.ExpungeCommand;
import dev.yubin.imap.command.FetchCommand;
import dev.yubin.imap.command.GetQuotaCommand;
import dev.yubin.imap.command.GetQuotaRootCommand;
import dev.yubin.imap.command.IdCommand;
import dev.yubin.imap.command.IdleCommand;
import dev.yubin.imap.command.ListCommand;
import dev.yubin.imap.command.LoginCommand;
import dev.yubin.imap.command.LogoutCommand;
import dev.yubin.imap.command.LsubCommand;
import dev.yubin.imap.command.MoveCommand;
import dev.yubin.imap.command.NamespaceCommand;
import dev.yubin.imap.command.NoopCommand;
import dev.yubin.imap.command.RenameCommand;
import dev.yubin.imap.command.SearchCommand;
import dev.yubin.imap.command.SelectCommand;
import dev.yubin.imap.command.SetQuotaCommand;
import dev.yubin.imap.command.SortCommand;
import dev.yubin.imap.command.StarttlsCommand;
import dev.yubin.imap.command.StatusCommand;
import dev.yubin.imap.command.StoreCommand;
import dev.yubin.imap.command.SubscribeCommand;
import dev.yubin.imap.command.ThreadCommand;
import dev.yubin.imap.command.UnselectCommand;
import dev.yubin.imap.command.UnsubscribeCommand;
import dev.yubin.imap.protocol.ParseException;
import java.io.IOException;

/** Routes each command record to its processor. */
final class Dispatcher {
    private final ImapSession s;

    Dispatcher(ImapSession s) {
        this.s = s;
    }

    /** NOOP and CHECK (RFC 9051 §6.1.2, RFC 3501 §6.4.1): the client polls for updates. */
    private Result poll(String text) {
        if (s.selected() != null) {
            s.selected().poll();
        }
        return Result.ok(text);
    }

    Result dispatch(String tag, Command command) throws IOException, ParseException {
        return switch (command) {
            case CapabilityCommand c -> CapabilityProcessor.process(s);
            case NoopCommand c -> poll("NOOP completed");
            case CheckCommand c -> poll("CHECK completed");
            case LogoutCommand c -> LogoutProcessor.process(s);
            case StarttlsCommand c -> StarttlsProcessor.process(s, tag);
            case LoginCommand c -> Authentication.login(s, c);
            case AuthenticateCommand c -> Authentication.authenticate(s, c);
            case EnableCommand c -> EnableProcessor.process(s, c);
            case IdCommand c -> IdProcessor.process(s, c);
            case NamespaceCommand c -> NamespaceProcessor.process(s);
            case SelectCommand c -> SelectProcessor.process(s, c);
            case CreateCommand c -> CreateProcessor.process(s, c);
            case DeleteCommand c -> DeleteProcessor.process(s, c);
            case RenameCommand c -> RenameProcessor.process(s, c);
            case SubscribeCommand c -> SubscribeProcessor.subscribe(s, c);
            case UnsubscribeCommand c -> SubscribeProcessor.unsubscribe(s, c);
            case ListCommand c -> ListProcessor.process(s, c);
            case LsubCommand c -> LsubProcessor.process(s, c);
            case StatusCommand c -> StatusProcessor.process(s, c);
            case AppendCommand c -> AppendProcessor.process(s, c);
            case CloseCommand c -> CloseProcessor.close(s);
            case UnselectCommand c -> CloseProcessor.unselect(s);
            case ExpungeCommand c -> ExpungeProcessor.process(s, c);
            case SearchCommand c -> SearchProcessor.process(s, c);
            case FetchCommand c -> FetchProcessor.process(s, c);
            case StoreCommand c -> StoreProcessor.process(s, c);
            case CopyCommand c -> CopyProcessor.copy(s, c);
            case MoveCommand c -> CopyProcessor.move(s, c);
            case SortCommand c -> SortProcessor.process(s, c);
            case ThreadCommand c -> ThreadProcessor.process(s, c);
            case CompressCommand c -> CompressProcessor.process(s, tag, c);
            case GetQuotaCommand c -> QuotaProcessor.getQuota(s, c);
            case GetQuotaRootCommand c -> QuotaProcessor.getQuotaRoot(s, c);
            case SetQuotaCommand c -> Responses.QUOTA_READ_ONLY;
            case IdleCommand c -> throw new IllegalStateException("IDLE is run by the session loop");
        };
    }
}
