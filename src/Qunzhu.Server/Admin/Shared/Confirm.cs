using MudBlazor;

namespace Qunzhu.Server.Admin.Shared;

/// Asks before anything destructive.
public static class Confirm
{
    public static async Task<bool> AskAsync(this IDialogService dialogs, string title, string message)
    {
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, new DialogParameters<ConfirmDialog> { { d => d.Message, message } });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
