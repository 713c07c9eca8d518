import sys

from vroeghulp.cli import main

sys.exit(main())
