import gc
import sys

# Start-up creates many objects that live as long as the process (modules, the format model);
# the cyclic collector would walk them again and again while they are made (3 ms of every
# start). kit.cli.main turns it back on once the command's modules are loaded.
gc.disable()

from kit.cli.main import main  # noqa: E402

sys.exit(main())
