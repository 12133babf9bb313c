"""Publishers: an organisation's claim on a project, proved by a challenge file where the
project's registry metadata points; a verified claim makes it the project's publisher."""
