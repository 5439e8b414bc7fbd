using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Connectors.Telegram;

/// Settings of the Telegram connector, section "Telegram".
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// Timeout of one Bot API call (send, delete, restrict …).
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// How long one getUpdates call waits for updates (Telegram allows up to 50 s).
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// Wait after a failed getUpdates before trying again.
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollErrorDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// How often the poller looks for accounts that were switched to or from polling mode.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan AccountRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
