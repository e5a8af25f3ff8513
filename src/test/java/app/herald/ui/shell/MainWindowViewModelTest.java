package app.herald.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Storage;
import app.herald.storage.StorageException;
import app.herald.storage.TestStorage;
import app.herald.ui.common.SameThreadTasks;
import app.herald.ui.shell.MainWindowViewModel.StorageState;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {

    @TempDir
    Path home;

    private MainWindowViewModel viewModel(Callable<HeraldCore> opener) {
        return new MainWindowViewModel(TwilioChoice.simulation(ChannelKind.NOTIFY), new DataFolder(home), SameThreadTasks.create(), opener);
    }

    @Test
    void startsOnTheListsWhileTheDataOpens() {
        MainWindowViewModel viewModel = viewModel(() -> null);

        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.LISTS);
        assertThat(viewModel.storageStateProperty().get()).isEqualTo(StorageState.OPENING);
    }

    @Test
    void opensTheRealStorage() throws Exception {
        LocalSettings settings = LocalSettings.load(new DataFolder(home), Map.of());
        MainWindowViewModel viewModel = viewModel(() -> HeraldCore.open(settings));

        viewModel.openStorage();

        assertThat(viewModel.storageStateProperty().get()).isEqualTo(StorageState.READY);
        assertThat(viewModel.coreProperty().get()).isNotNull();
        viewModel.coreProperty().get().close();
    }

    @Test
    void aFailureIsShownInThePersonsWords() throws Exception {
        DataFolder folder = new DataFolder(home);
        try (Storage alreadyOpen = TestStorage.open(home)) {
            MainWindowViewModel viewModel = viewModel(() -> HeraldCore.open(LocalSettings.load(folder, Map.of())));

            viewModel.openStorage();

            assertThat(viewModel.storageStateProperty().get()).isEqualTo(StorageState.FAILED);
            assertThat(viewModel.coreProperty().get()).isNull();
            assertThat(viewModel.storageProblemProperty().get()).startsWith("Herald is already open");
        }
    }

    @Test
    void anUnexpectedFailureStillSaysSomething() {
        MainWindowViewModel viewModel = viewModel(() -> {
            throw new StorageException(StorageException.Reason.UNREADABLE, "Herald could not open its data", null);
        });

        viewModel.openStorage();

        assertThat(viewModel.storageProblemProperty().get()).isEqualTo("Herald could not open its data");
    }

    @Test
    void showsTheChosenSection() {
        MainWindowViewModel viewModel = viewModel(() -> null);

        viewModel.show(Section.HISTORY);

        assertThat(viewModel.sectionProperty().get()).isEqualTo(Section.HISTORY);
    }
}
