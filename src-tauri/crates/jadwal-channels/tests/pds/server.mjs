// A real Bluesky PDS (@atproto/pds) and did:plc directory (@did-plc/server,
// in-process with its in-memory database) on 127.0.0.1 only, for
// jadwal-channels' integration tests. Creates two accounts and an app
// password, then prints ONE JSON line on stdout:
//   {"url","handle","did","password","appPassword","otherHandle","otherDid","plcUrl"}
// and keeps running until it gets SIGTERM or SIGINT.
//
// Usage: node server.mjs <data-dir>   (with-pds.sh does all of this)
import crypto from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import fs from 'node:fs'

// Neither server takes a bind address: they call app.listen(port), which
// binds every interface. Every server in this process listens on loopback
// only, so nothing outside this machine can reach the test servers.
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1')
  }
  return listen.apply(this, args)
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

const dataDir = process.argv[2]
if (!dataDir) {
  console.error('usage: node server.mjs <data-dir>')
  process.exit(2)
}
fs.mkdirSync(path.join(dataDir, 'blobs'), { recursive: true })

const { PlcServer, Database: PlcDatabase } = await import('@did-plc/server')
const plcPort = await freePort()
const plc = PlcServer.create({ db: PlcDatabase.mock(), port: plcPort })
await plc.start()
const plcUrl = `http://localhost:${plcPort}`

const pdsPort = await freePort()
const hex = () => crypto.randomBytes(32).toString('hex')
Object.assign(process.env, {
  PDS_HOSTNAME: 'localhost',
  PDS_PORT: String(pdsPort),
  PDS_DATA_DIRECTORY: dataDir,
  PDS_BLOBSTORE_DISK_LOCATION: path.join(dataDir, 'blobs'),
  PDS_DID_PLC_URL: plcUrl,
  PDS_JWT_SECRET: hex(),
  PDS_ADMIN_PASSWORD: hex(),
  // Any 32 random bytes are a valid secp256k1 key but for a 2^-128 chance.
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: hex(),
  PDS_INVITE_REQUIRED: 'false',
  PDS_DEV_MODE: 'true',
  PDS_CRAWLERS: '',
  LOG_ENABLED: process.env.LOG_ENABLED ?? 'false',
})
const pdsModule = await import('@atproto/pds')
const { PDS, readEnv, envToCfg, envToSecrets } = pdsModule.default ?? pdsModule
const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
await pds.start()
const url = `http://localhost:${pdsPort}`

async function xrpc(method, body, token) {
  const res = await fetch(`${url}/xrpc/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

const password = `pw-${hex().slice(0, 16)}`
const account = await xrpc('com.atproto.server.createAccount', {
  handle: 'toko-batik.test',
  email: 'toko-batik@example.test',
  password,
})
const other = await xrpc('com.atproto.server.createAccount', {
  handle: 'kawan.test',
  email: 'kawan@example.test',
  password: `pw-${hex().slice(0, 16)}`,
})
const appPassword = await xrpc(
  'com.atproto.server.createAppPassword',
  { name: 'jadwal-test' },
  account.accessJwt,
)

console.log(
  JSON.stringify({
    url,
    handle: account.handle,
    did: account.did,
    password,
    appPassword: appPassword.password,
    otherHandle: other.handle,
    otherDid: other.did,
    plcUrl,
  }),
)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await pds.destroy().catch(() => {})
  await plc.destroy().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
