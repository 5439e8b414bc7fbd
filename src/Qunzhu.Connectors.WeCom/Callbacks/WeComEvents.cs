namespace Qunzhu.Connectors.WeCom.Callbacks;

/// <summary>The Event / ChangeType / UpdateDetail values of the customer-contact callbacks.</summary>
public static class WeComEvents
{
    public const string ChangeExternalContact = "change_external_contact";
    public const string ChangeExternalChat = "change_external_chat";
    public const string ChangeExternalTag = "change_external_tag";

    public const string AddExternalContact = "add_external_contact";
    public const string AddHalfExternalContact = "add_half_external_contact";
    public const string EditExternalContact = "edit_external_contact";
    public const string DelExternalContact = "del_external_contact";
    public const string DelFollowUser = "del_follow_user";

    public const string Create = "create";
    public const string Update = "update";
    public const string Dismiss = "dismiss";
    /// <summary>change_external_tag: a corp tag or tag group was deleted.</summary>
    public const string Delete = "delete";

    public const string AddMember = "add_member";
    public const string DelMember = "del_member";
}
