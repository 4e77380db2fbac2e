import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi } from '../src/model.js';
import { assignOperationIds, deriveOperationId, isOperationIdInStyle } from '../src/rules/operation-ids.js';

// a storage vendor in shapes the seeds lack: volumes, snapshots, user accounts, a sign-out, and ids
// in every style a vendor file carries (snake, kebab, spaced, noun-only, one id twice)
const ok = { '200': { description: 'OK' } };
const op = (operationId?: string, summary?: string) => ({ ...(operationId ? { operationId } : {}), ...(summary ? { summary } : {}), responses: ok });
const fixture = (): Record<string, Record<string, unknown>> => ({
  '/volumes': { get: op('volumes', 'Volumes'), post: op('volume-create') },
  '/volumes/{volume_id}': { get: op('volume'), patch: op('volume', 'Modify volume'), delete: op('Remove a volume') },
  '/volumes/{volume_id}/snapshots': { get: op('snapshot_list'), post: op('volume_snapshot_take', 'Take snapshot') },
  '/volumes/{volume_id}/snapshots/{snapshot_id}/restore': { post: op('snapshot_restore') },
  '/volumes/{volume_id}/detach': { put: op() },
  '/user-accounts/{account_id}/resetkey': { post: op('user_account_resetkey') },
  '/auth/signout': { post: op('dropSession') },
  '/session': { post: op('session_open', 'Refresh session'), delete: op(undefined, 'Revoke session') },
  '/quota': { get: op(undefined, 'Storage quota') },
  '/regions': { get: op(undefined, 'Available regions') },
  '/regions/{region_id}': { post: op(undefined, 'Add region') },
});
const build = (paths: Record<string, Record<string, unknown>>) => {
  const log = new RepairLog();
  const spec = { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths } as unknown as OpenApi;
  const out = assignOperationIds.apply(spec, { provider: { name: 'acme', title: 'Acme', auth: ['bearer'] }, docs: new Map(), catalogue: new Map(), log }) as Record<string, any>;
  const ids = Object.fromEntries(Object.entries(out.paths).flatMap(([path, item]) => Object.entries(item as Record<string, any>).map(([m, o]) => [`${m.toUpperCase()} ${path}`, o.operationId])));
  return { spec: out, ids, repairs: log.repairs };
};

describe('operationIds: camelCase, verb first, from method and path', () => {
  it('names every operation in one style whatever the vendor wrote', () => {
    expect(build(fixture()).ids).toEqual({
      'GET /volumes': 'listVolumes',
      'POST /volumes': 'createVolume',
      'GET /volumes/{volume_id}': 'getVolume',
      'PATCH /volumes/{volume_id}': 'updateVolume',
      'DELETE /volumes/{volume_id}': 'deleteVolume',
      'GET /volumes/{volume_id}/snapshots': 'listVolumeSnapshots',
      // neither the path nor the texts name a known verb ("take"): the method's
      'POST /volumes/{volume_id}/snapshots': 'createVolumeSnapshot',
      'POST /volumes/{volume_id}/snapshots/{snapshot_id}/restore': 'restoreVolumeSnapshot',
      'PUT /volumes/{volume_id}/detach': 'detachVolume',
      // a verb in front of a noun in one segment
      'POST /user-accounts/{account_id}/resetkey': 'resetUserAccountKey',
      // a synonym in a verb segment (signout -> logout)
      'POST /auth/signout': 'logoutAuth',
      // the summary's verb beats the vendor's word and the method's default
      'POST /session': 'refreshSession',
      'DELETE /session': 'revokeSession',
      'GET /quota': 'getQuota',
      'GET /regions': 'listRegions',
      // a POST on an item that would read as its collection's takes its parameter, from the path alone
      'POST /regions/{region_id}': 'createRegionByRegionId',
    });
  });

  it('takes the verb from the vendor id where only it names one, first word or (snake case) last', () => {
    expect(deriveOperationId('post', '/mailbox/{box}/archive', undefined, 'mailbox_export')).toBe('exportMailboxArchive');
    expect(deriveOperationId('post', '/mailbox/{box}/quota', undefined, 'mailbox_quota_set')).toBe('updateMailboxQuota');
    expect(deriveOperationId('post', '/mailbox/{box}/quota', undefined, 'resizeMailboxQuota')).toBe('resizeMailboxQuota');
    expect(deriveOperationId('post', '/mailbox/{box}/quota')).toBe('createMailboxQuota');
    // a verb that is one of the path's nouns names the resource: `POST /order` is created, not "ordered"
    expect(deriveOperationId('post', '/order', 'Order multiple services', 'order_multi')).toBe('createOrder');
    // words an object's prototype holds are nouns like any other
    expect(deriveOperationId('post', '/constructor/{id}/hasOwnProperty', 'constructor')).toBe('createConstructorHasOwnProperty');
    // a summary offering a choice names no single verb
    expect(deriveOperationId('put', '/mailbox/{box}/forward', 'Enable/disable forwarding')).toBe('updateMailboxForward');
  });

  it('a verb segment with nothing else takes its noun from the summary or vendor id', () => {
    expect(deriveOperationId('post', '/revoke', 'Revoke Token')).toBe('revokeToken');
    expect(deriveOperationId('post', '/revoke', undefined, 'grant_revoke')).toBe('revoke');
    expect(deriveOperationId('post', '/revoke', undefined, 'revokeGrant')).toBe('revokeGrant');
    expect(deriveOperationId('post', '/login', 'Login', 'getToken')).toBe('login');
  });

  it('a POST on an item takes the noun its summary says it makes, when the path has no such noun', () => {
    expect(deriveOperationId('post', '/threads/{thread_id}', 'Add Comment', 'thread_comment')).toBe('createThreadComment');
    expect(deriveOperationId('post', '/threads/{thread_id}', 'Create comments')).toBe('createThreadComment');
    // the summary names the path's own noun, or another verb: the parameters tell the two apart
    expect(deriveOperationId('post', '/threads/{thread_id}', 'Create thread')).toBe('createThreadByThreadId');
    expect(deriveOperationId('post', '/order/{product_id}', 'Order new service', 'cart_order')).toBe('createOrderByProductId');
  });

  it('the same method and path give the same id whether or not the vendor named it', () => {
    for (const [method, path, summary, vendor, id] of [
      ['post', '/token', 'Refresh Token', 'createToken', 'refreshToken'],
      ['get', '/vault/{vault_id}', 'Vault details', 'vault_details', 'getVault'],
      ['post', '/vault/{vault_id}/unmount', 'Unmount vault', 'vault_unmount', 'unmountVault'],
    ] as const) {
      expect(deriveOperationId(method, path, summary, vendor)).toBe(id);
      expect(deriveOperationId(method, path, summary)).toBe(id);
    }
  });

  it('keeps the vendor id beside a new one, logs only what changed, and leaves an id in style alone', () => {
    const { spec, repairs } = build({ '/volumes': { get: op('listVolumes'), post: op('volume-create') }, '/quota': { get: op() } });
    expect(spec.paths['/volumes'].get['x-vendor-operation-id']).toBeUndefined();
    expect(spec.paths['/volumes'].post['x-vendor-operation-id']).toBe('volume-create');
    expect(repairs).toEqual([
      { kind: 'operation-id-derived', where: 'GET /quota', detail: 'getQuota' },
      { kind: 'operation-id-renamed', where: 'POST /volumes', detail: 'volume-create -> createVolume' },
    ]);
    // a second run (a union of specs this rule built) renames nothing and keeps the vendor's id
    const again = build(spec.paths);
    expect(again.repairs).toEqual([]);
    expect(again.spec.paths['/volumes'].post['x-vendor-operation-id']).toBe('volume-create');
  });

  it('resolves a clash the same way whatever order the paths come in', () => {
    // one id twice from the vendor, and two paths that derive the same id
    const clashing = () => ({ '/disk/{a}': { put: op('disk') }, '/disk': { put: op('disk') }, '/disks': { put: op() } });
    const forward = build(clashing());
    const reversed = build(Object.fromEntries(Object.entries(clashing()).reverse()));
    expect(forward.ids).toEqual({ 'PUT /disk/{a}': 'updateDiskByA', 'PUT /disk': 'updateDisk', 'PUT /disks': 'updateDisks' });
    expect(reversed.ids).toEqual(forward.ids);
    expect(new Set(Object.values(forward.ids)).size).toBe(3);
  });

  it('gives the identical id set in two runs with the paths in another order', () => {
    // two spellings of one path derive one id: which gets the number must not depend on order
    const paths = { ...fixture(), '/disk-pool': { put: op('pool') }, '/disk_pool': { put: op('pool') } };
    const shuffled = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? 1 : -1)));
    const a = build(paths).ids;
    const b = build(shuffled).ids;
    expect(Object.keys(b)).not.toEqual(Object.keys(a));
    expect(b).toEqual(a);
    expect([a['PUT /disk-pool'], a['PUT /disk_pool']]).toEqual(['updateDiskPool', 'updateDiskPool2']);
  });

  it('tells an id in style from one that is not', () => {
    for (const id of ['listServices', 'getServer', 'rebootServer', 'refreshToken', 'logout']) expect(isOperationIdInStyle(id)).toBe(true);
    for (const id of ['cart_categories', 'service', 'serviceDetails', 'vms_reboot', 'List services', 'GetServer', 'list-volumes']) expect(isOperationIdInStyle(id)).toBe(false);
  });
});
