'use strict';
// Loads the package with require(); arguments come in PROBE_ARGS (never on the command line, which
// error messages print). Prints one JSON line.
const { probe } = require('./probe-core.cjs');

const args = JSON.parse(process.env.PROBE_ARGS);
probe(require(args.package), require('@hostbill-api/runtime'), args).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error && error.stack ? error.stack : error);
    process.exitCode = 1;
  },
);
