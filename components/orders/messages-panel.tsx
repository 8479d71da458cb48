import { Card } from "@/components/ui/card";
import { formatRelativeTime } from "@/lib/format";

type Message = { message: { id: number; body: string; at: Date }; authorName: string };

/** The order's quick message thread (read here; writing arrives with the collaboration feature). */
export function MessagesPanel({ messages, now }: { messages: Message[]; now: Date }) {
  return (
    <Card title="Messages">
      {messages.length === 0 ? (
        <p className="text-sm text-ink-muted">No messages yet.</p>
      ) : (
        <ol className="space-y-3">
          {messages.map(({ message, authorName }) => (
            <li key={message.id} className="text-sm">
              <p className="text-xs text-ink-muted">
                {authorName} · {formatRelativeTime(message.at, now)}
              </p>
              <p className="whitespace-pre-wrap text-ink">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
