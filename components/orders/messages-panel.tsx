import { Card } from "@/components/ui/card";
import { formatRelativeTime } from "@/lib/format";
import type { ThreadMessage } from "@/lib/messages/list-messages";
import { MessageForm } from "./message-form";

/** The order's thread between the publisher's team and the advertiser, and the form to write to it. */
export function MessagesPanel({
  messages,
  now,
  orderId,
  staff = false,
  canWrite = true,
}: {
  messages: ThreadMessage[];
  now: Date;
  orderId: number;
  staff?: boolean;
  canWrite?: boolean;
}) {
  return (
    <Card title="Messages">
      <div id="messages" className="space-y-4">
        {messages.length === 0 ? (
          <p className="text-sm text-ink-muted">No messages yet.</p>
        ) : (
          <ol className="space-y-3" aria-label="Message thread">
            {messages.map(({ message, authorName, attachment }) => (
              <li
                key={message.id}
                className={message.internal ? "rounded-md bg-amber-50 p-2 text-sm" : "text-sm"}
              >
                <p className="text-xs text-ink-muted">
                  {authorName} · {formatRelativeTime(message.at, now)}
                  {message.internal && <strong className="ml-2 text-amber-900">Internal note</strong>}
                </p>
                <p className="whitespace-pre-wrap text-ink">{message.body}</p>
                {attachment && (
                  <a
                    className="text-sm text-brand-700 underline"
                    href={`/files/messages/${message.id}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {attachment.fileName}
                  </a>
                )}
              </li>
            ))}
          </ol>
        )}
        {canWrite && <MessageForm orderId={orderId} staff={staff} />}
      </div>
    </Card>
  );
}
