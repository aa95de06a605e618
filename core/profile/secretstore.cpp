#include "core/profile/secretstore.h"

#include <QPromise>
#include <memory>
#include <qt6keychain/keychain.h>

namespace cotal::profile {

namespace {

QString entryKey(const QString &profileId, const QString &kind)
{
    return profileId + u'/' + kind;
}

SecretResult resultOf(const QKeychain::Job &job)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretResult::Status::NoKeychain;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::Denied;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = SecretResult::Status::Failed;
        break;
    }
    result.message = job.errorString();
    return result;
}

// Runs a keychain job and completes a future from its finished() signal.
template<typename JobType, typename Prepare>
QFuture<SecretResult> runJob(const QString &service, const QString &key, Prepare prepare)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    promise->start();
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    // Never fall back to a plain-text file: a secret goes to the keychain or nowhere.
    job->setInsecureFallback(false);
    job->setKey(key);
    prepare(*job);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *finished) {
        SecretResult result = resultOf(*finished);
        if constexpr (std::is_same_v<JobType, QKeychain::ReadPasswordJob>) {
            if (result.ok())
                result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{}

QFuture<SecretResult> SecretStore::write(const QString &profileId, const QString &kind,
                                         const QByteArray &secret) const
{
    return runJob<QKeychain::WritePasswordJob>(
        m_service, entryKey(profileId, kind),
        [&secret](QKeychain::WritePasswordJob &job) { job.setBinaryData(secret); });
}

QFuture<SecretResult> SecretStore::read(const QString &profileId, const QString &kind) const
{
    return runJob<QKeychain::ReadPasswordJob>(m_service, entryKey(profileId, kind),
                                              [](QKeychain::ReadPasswordJob &) {});
}

QFuture<SecretResult> SecretStore::remove(const QString &profileId, const QString &kind) const
{
    return runJob<QKeychain::DeletePasswordJob>(m_service, entryKey(profileId, kind),
                                                [](QKeychain::DeletePasswordJob &) {});
}

} // namespace cotal::profile
