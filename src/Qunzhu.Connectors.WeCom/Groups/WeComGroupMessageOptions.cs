using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>WeCom:GroupMessages — how broadcasts that wait for their owner's confirmation are re-read.</summary>
public sealed class WeComGroupMessageOptions
{
    public const string Section = "WeCom:GroupMessages";

    /// <summary>How often a waiting broadcast's status is read from WeCom (get_groupmsg_send_result).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many broadcasts are read per round (WeCom rate-limits the API per corp).</summary>
    [Range(1, 1000)]
    public int RefreshBatch { get; set; } = 50;

    /// <summary>A broadcast not confirmed within this long is no longer re-read (WeCom lets it expire).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan RefreshHorizon { get; set; } = TimeSpan.FromDays(7);
}
