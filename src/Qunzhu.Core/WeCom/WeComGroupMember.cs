namespace Qunzhu.Core.WeCom;

/// <summary>Who was in a WeCom group the last time Qunzhu read it (groupchat/get): the follow-up step diffs the
/// next reading against this to know who joined and who left, since WeCom's callbacks do not always say.</summary>
public sealed class WeComGroupMember
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public required string ChatId { get; set; }
    public required string UserId { get; set; }
    /// <summary>WeCom's join_time (Unix seconds): with the chat and user it names one stay in the group.</summary>
    public long JoinTime { get; set; }
    public string? State { get; set; }
    public DateTime UpdatedAt { get; set; }
}
