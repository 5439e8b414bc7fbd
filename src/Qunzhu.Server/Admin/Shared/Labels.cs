using Microsoft.Extensions.Localization;
using Qunzhu.Core.Communities;
using Qunzhu.Server.Admin.Text;

namespace Qunzhu.Server.Admin.Shared;

/// Localized names for enum values the pages show.
public static class Labels
{
    public static string Of(this IStringLocalizer<ConsoleText> l, CommunityType type) => l["Type_" + type];

    /// The name the API accepts for a type (Names lists them in enum order).
    public static string ApiName(this CommunityType type) => Apis.CommunityTypes.Names.ElementAt((int)type);
}
