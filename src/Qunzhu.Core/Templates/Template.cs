namespace Qunzhu.Core.Templates;

/// A named bundle of module settings. The default template applies to every new group.
public sealed class Template
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public TemplateSettings Settings { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
